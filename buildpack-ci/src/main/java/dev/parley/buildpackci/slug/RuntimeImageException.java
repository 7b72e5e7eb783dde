package dev.parley.buildpackci.slug;

/** The JDK runtime image for the slugs cannot be linked. */
public class RuntimeImageException extends RuntimeException {

    public RuntimeImageException(String message) {
        super(message);
    }

}
