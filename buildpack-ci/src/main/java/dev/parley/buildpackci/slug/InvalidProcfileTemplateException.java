package dev.parley.buildpackci.slug;

/** The Procfile template cannot be rendered into a valid Procfile. */
public class InvalidProcfileTemplateException extends RuntimeException {

    public InvalidProcfileTemplateException(String origin, int line, String problem) {
        super("Procfile template " + origin + (line > 0 ? " line " + line : "") + ": " + problem);
    }

}
