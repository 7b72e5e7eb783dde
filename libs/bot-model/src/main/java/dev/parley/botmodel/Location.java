package dev.parley.botmodel;

/**
 * Where an element starts in a source file.
 *
 * @param file   the source file name
 * @param line   1-based line
 * @param column 1-based column
 */
public record Location(String file, int line, int column) {
}
