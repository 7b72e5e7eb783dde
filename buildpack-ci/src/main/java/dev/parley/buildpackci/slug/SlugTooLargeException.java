package dev.parley.buildpackci.slug;

/** A slug exceeds Heroku's size limit for compressed slugs. */
public class SlugTooLargeException extends RuntimeException {

    public SlugTooLargeException(String service, long sizeBytes, long limitBytes) {
        super("The slug of " + service + " is " + (sizeBytes >> 20) + " MB compressed; Heroku accepts at most "
                + (limitBytes >> 20) + " MB");
    }

}
