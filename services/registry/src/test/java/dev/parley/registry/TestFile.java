package dev.parley.registry;

import java.nio.charset.StandardCharsets;

/** A file to upload in a test. */
record TestFile(String name, byte[] content) {

    static TestFile of(String name, String content) {
        return new TestFile(name, content.getBytes(StandardCharsets.UTF_8));
    }

    String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
