package dev.parley.loguploader.ingest;

/** Published after batches became due for delivery on this replica, so its delivery workers look at once. */
public record BatchesStored(int count) {
}
