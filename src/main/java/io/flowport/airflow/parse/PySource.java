package io.flowport.airflow.parse;

import io.flowport.diag.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.treesitter.TSNode;

/**
 * The file's text as tree-sitter sees it: UTF-8 bytes. Turns nodes into their source text and
 * into 1-based line/column locations counted in characters, not bytes.
 */
final class PySource {

  final Path file;
  private final byte[] bytes;
  private final int[] lineStarts;

  PySource(Path file, String text) {
    this.file = file;
    this.bytes = text.getBytes(StandardCharsets.UTF_8);
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        starts.add(i + 1);
      }
    }
    this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  String text(TSNode node) {
    return text(node.getStartByte(), node.getEndByte());
  }

  String text(int startByte, int endByte) {
    return new String(bytes, startByte, endByte - startByte, StandardCharsets.UTF_8);
  }

  SourceLocation location(TSNode node) {
    return location(node.getStartByte());
  }

  SourceLocation location(int byteOffset) {
    int line = lineOf(byteOffset);
    String before = text(lineStarts[line], byteOffset);
    return SourceLocation.of(file, line + 1, before.codePointCount(0, before.length()) + 1);
  }

  /** The rest of the line from this byte, without its line break. */
  String restOfLine(int byteOffset) {
    int line = lineOf(byteOffset);
    int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : bytes.length;
    return text(byteOffset, end).stripTrailing();
  }

  /** The whole line holding this byte, without its line break. */
  String lineAt(int byteOffset) {
    return restOfLine(lineStarts[lineOf(byteOffset)]);
  }

  /** Whether only blanks precede this byte on its line. */
  boolean startsLine(int byteOffset) {
    return text(lineStarts[lineOf(byteOffset)], byteOffset).isBlank();
  }

  int length() {
    return bytes.length;
  }

  private int lineOf(int byteOffset) {
    int low = 0;
    int high = lineStarts.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (lineStarts[mid] <= byteOffset) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }
}
