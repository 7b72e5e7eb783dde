package dev.parley.runtime.turn;

import dev.parley.runtime.api.EndSessionCommand;
import dev.parley.runtime.api.MessageCommand;
import dev.parley.runtime.api.RuntimePaths;
import dev.parley.runtime.api.StartSessionCommand;
import dev.parley.runtime.api.TurnReply;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The internal turn routes of {@link RuntimePaths}; the platform checks the internal credential. */
@RestController
class TurnController {

    private final TurnService turns;

    TurnController(TurnService turns) {
        this.turns = turns;
    }

    @PostMapping(RuntimePaths.START_SESSION)
    TurnReply start(@PathVariable String orgId, @PathVariable String botId, @RequestBody StartSessionCommand command) {
        return turns.start(orgId, botId, command);
    }

    @PostMapping(RuntimePaths.MESSAGES)
    TurnReply message(@PathVariable String orgId, @PathVariable String sessionId,
            @RequestBody MessageCommand command) {
        return turns.message(orgId, sessionId, command);
    }

    @PostMapping(RuntimePaths.END_SESSION)
    TurnReply end(@PathVariable String orgId, @PathVariable String sessionId,
            @RequestBody(required = false) EndSessionCommand command) {
        return turns.end(orgId, sessionId, command == null ? new EndSessionCommand(null) : command);
    }
}
