package dev.parley.buildpackci.slug;

import java.nio.file.Path;

/** A service's executable jar is not there: the Maven build has not packaged it. */
public class MissingServiceJarException extends RuntimeException {

    public MissingServiceJarException(String service, Path jar) {
        super("No jar for service " + service + " at " + jar + ": build it first (./mvnw -DskipTests package, or "
                + "bin/assemble-slugs, which does)");
    }

}
