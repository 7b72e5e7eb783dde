package dev.parley.gateway.channels;

/** A platform API call failed for good (after its retries): the reply was not delivered. */
public class ChannelDeliveryException extends RuntimeException {

    public ChannelDeliveryException(String message) {
        super(message);
    }

    public ChannelDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
