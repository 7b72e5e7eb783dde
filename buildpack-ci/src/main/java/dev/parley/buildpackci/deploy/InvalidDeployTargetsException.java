package dev.parley.buildpackci.deploy;

/** The deploy targets cannot be used: missing, empty or inconsistent. */
public class InvalidDeployTargetsException extends RuntimeException {

    public InvalidDeployTargetsException(String problem) {
        super("Deploy targets: " + problem);
    }

}
