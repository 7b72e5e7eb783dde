package dev.parley.local;

/** Starts the whole platform on one machine. */
public final class LocalPlatform {

    public static void main(String[] args) {
        throw new UnsupportedOperationException("not built yet");
    }
}
