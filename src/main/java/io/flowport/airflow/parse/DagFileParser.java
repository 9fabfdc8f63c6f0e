package io.flowport.airflow.parse;

import io.flowport.diag.BadInputException;
import io.flowport.diag.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterPython;

/**
 * Reads an Airflow DAG file into a {@link DagFile} without running it: the Python is parsed with
 * tree-sitter and the statements that build DAGs are evaluated over values known statically.
 * Whatever cannot be evaluated is kept as {@link PyValue.PyDynamic} and reported as a {@link Finding}.
 */
public final class DagFileParser {

  /** Reads and parses the file; BadInputException if it cannot be read or is not valid Python. */
  public DagFile parse(Path file) {
    if (Files.isDirectory(file)) {
      throw new BadInputException(SourceLocation.file(file), "cannot read DAG file: it is a directory");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(SourceLocation.file(file), "cannot read DAG file: no such file");
    } catch (IOException e) {
      throw new BadInputException(SourceLocation.file(file), "cannot read DAG file: " + e.getMessage(), e);
    }
    String source;
    try {
      source = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new BadInputException(SourceLocation.file(file), "DAG file is not UTF-8 text", e);
    }
    return parse(file, source);
  }

  /** Parses {@code source} as if it were the content of {@code file}. */
  public DagFile parse(Path file, String source) {
    String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
    try (TSParser parser = new TSParser()) {
      parser.setLanguage(new TreeSitterPython());
      try (TSTree tree = parser.parseString(null, text)) {
        PySource pySource = new PySource(file, text);
        SyntaxCheck.check(pySource, tree.getRootNode());
        return new Interpreter(pySource).run(tree.getRootNode());
      }
    }
  }
}
