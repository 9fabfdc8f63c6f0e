package io.flowport.cli;

import io.flowport.diag.BadInputException;
import io.flowport.diag.SourceLocation;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Writes output files; a folder or file that cannot be written is one line of bad input, not a stack trace. */
final class OutputFiles {

  private OutputFiles() {}

  static void folder(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new BadInputException(SourceLocation.file(dir), "cannot create the output folder: " + reason(e));
    }
  }

  static void write(Path file, byte[] content) {
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new BadInputException(SourceLocation.file(file), "cannot write: " + reason(e));
    }
  }

  /** Java's message repeats the path, which the line already names. */
  static String reason(IOException e) {
    return switch (e) {
      case AccessDeniedException a -> "permission denied";
      case FileAlreadyExistsException f -> "a file of that name is in the way";
      case NotDirectoryException n -> "not a folder";
      case NoSuchFileException n -> "no such folder";
      case FileSystemException f when f.getReason() != null -> f.getReason();
      default -> e.getMessage();
    };
  }
}
