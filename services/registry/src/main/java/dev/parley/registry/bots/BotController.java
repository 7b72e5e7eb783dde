package dev.parley.registry.bots;

import dev.parley.registry.api.ActivationList;
import dev.parley.registry.api.BotList;
import dev.parley.registry.api.BotSummary;
import dev.parley.registry.api.RegistryPaths;
import dev.parley.registry.api.VersionDetails;
import dev.parley.registry.api.VersionList;
import dev.parley.registry.auth.Admin;
import dev.parley.registry.upload.UploadReader;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The admin API: upload bot versions, list bots and versions, activate, roll back, download. The admin's org is
 * checked against {@code {orgId}} before any handler runs ({@code AdminOrgInterceptor}).
 */
@RestController
class BotController {

    private final BotService bots;
    private final UploadReader uploads;

    BotController(BotService bots, UploadReader uploads) {
        this.bots = bots;
        this.uploads = uploads;
    }

    /**
     * Uploads a version: multipart with one or several files or one zip, or a raw body (a zip, or one file named by
     * {@code ?filename=} or {@code Content-Disposition}). 201 with the new version, 200 with the existing one when
     * the same files were uploaded before, 422 with the diagnostics when the bot has errors.
     */
    @PostMapping(RegistryPaths.BOTS)
    ResponseEntity<VersionDetails> upload(Admin admin, @PathVariable String orgId,
            @RequestParam(required = false) String filename, HttpServletRequest request) {
        BotService.Uploaded uploaded = bots.upload(admin, uploads.read(request, filename));
        VersionDetails version = uploaded.version();
        if (!uploaded.created()) {
            return ResponseEntity.ok(version);
        }
        return ResponseEntity.created(UriComponentsBuilder.fromPath(RegistryPaths.VERSION)
                        .buildAndExpand(orgId, version.botId(), version.versionId()).toUri())
                .body(version);
    }

    @GetMapping(RegistryPaths.BOTS)
    BotList bots(Admin admin, @PathVariable String orgId) {
        return bots.bots(admin);
    }

    @GetMapping(RegistryPaths.BOT)
    BotSummary bot(Admin admin, @PathVariable String orgId, @PathVariable String botId) {
        return bots.bot(admin, botId);
    }

    @GetMapping(RegistryPaths.VERSIONS)
    VersionList versions(Admin admin, @PathVariable String orgId, @PathVariable String botId) {
        return bots.versions(admin, botId);
    }

    @GetMapping(RegistryPaths.VERSION)
    VersionDetails version(Admin admin, @PathVariable String orgId, @PathVariable String botId,
            @PathVariable String versionId) {
        return bots.version(admin, botId, versionId);
    }

    @PostMapping(RegistryPaths.ACTIVATE)
    VersionDetails activate(Admin admin, @PathVariable String orgId, @PathVariable String botId,
            @PathVariable String versionId) {
        return bots.activate(admin, botId, versionId);
    }

    @PostMapping(RegistryPaths.ROLLBACK)
    VersionDetails rollback(Admin admin, @PathVariable String orgId, @PathVariable String botId) {
        return bots.rollback(admin, botId);
    }

    @GetMapping(RegistryPaths.ACTIVATIONS)
    ActivationList activations(Admin admin, @PathVariable String orgId, @PathVariable String botId) {
        return bots.activations(admin, botId);
    }

    @GetMapping(RegistryPaths.DOWNLOAD)
    ResponseEntity<byte[]> download(Admin admin, @PathVariable String orgId, @PathVariable String botId,
            @PathVariable String versionId) {
        BotService.Download download = bots.download(admin, botId, versionId);
        return ResponseEntity.status(HttpStatus.OK)
                .contentType(download.zip() ? MediaType.valueOf("application/zip") : typeOf(download.fileName()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(download.content());
    }

    private static MediaType typeOf(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml") || name.endsWith(".bot")) {
            return MediaType.APPLICATION_XML;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return MediaType.APPLICATION_YAML;
        }
        return MediaType.APPLICATION_OCTET_STREAM;
    }
}
