package dev.parley.gateway.channels;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.parley.runtime.api.OutboundMessage;

/**
 * Choices as numbered text lines ({@code 1. Order Status}), for channels without buttons. {@link ChannelTurns} maps
 * a reply of just a number back to the choice of that number.
 */
public final class NumberedChoices {

    private NumberedChoices() {
    }

    /** One line per choice, numbered from 1 in the order offered. */
    public static String render(List<OutboundMessage.Choice> choices) {
        return IntStream.range(0, choices.size())
                .mapToObj(i -> (i + 1) + ". " + choices.get(i).label())
                .collect(Collectors.joining("\n"));
    }
}
