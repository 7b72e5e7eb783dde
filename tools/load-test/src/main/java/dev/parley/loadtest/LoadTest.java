package dev.parley.loadtest;

/** Drives concurrent API sessions against a running platform. */
public final class LoadTest {

    public static void main(String[] args) {
        throw new UnsupportedOperationException("not built yet");
    }
}
