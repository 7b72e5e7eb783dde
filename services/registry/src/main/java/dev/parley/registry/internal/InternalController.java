package dev.parley.registry.internal;

import dev.parley.registry.api.ActiveVersions;
import dev.parley.registry.api.RegistryPaths;
import dev.parley.registry.api.VersionFiles;
import dev.parley.registry.bots.BotService;
import dev.parley.registry.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal API runtimes load bots from: every active version, and any version's source files. Guarded by the
 * platform's internal credential; not scoped to an org, runtimes serve all orgs.
 */
@RestController
class InternalController {

    private final BotService bots;

    InternalController(BotService bots) {
        this.bots = bots;
    }

    @GetMapping(RegistryPaths.INTERNAL_ACTIVE_VERSIONS)
    ActiveVersions activeVersions() {
        return bots.activeVersions();
    }

    @GetMapping(RegistryPaths.INTERNAL_VERSION_FILES)
    VersionFiles files(@PathVariable String orgId, @PathVariable String botId, @PathVariable String versionId) {
        return bots.versionFiles(orgId, botId, versionId)
                .orElseThrow(() -> NotFoundException.version(botId, versionId));
    }
}
