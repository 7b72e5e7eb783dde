package dev.parley.gateway.channels;

/** Every channel worker is busy and the queue is full: the webhook is answered 503 so the platform retries. */
public class ChannelBusyException extends RuntimeException {

    public ChannelBusyException(int queueCapacity) {
        super("All channel workers are busy and " + queueCapacity + " turns are already waiting");
    }
}
