package dev.parley.gateway.channels;

/** The kinds of conversation channel the gateway speaks; each has its own inbound and outbound adapter. */
public enum Channel {
    MESSENGER("messenger"),
    SLACK("slack"),
    SMS("sms"),
    /** The embeddable web chat widget. */
    WEB("web");

    private final String id;

    Channel(String id) {
        this.id = id;
    }

    /** The lower-case name used in paths, Redis keys and metric tags. */
    public String id() {
        return id;
    }
}
