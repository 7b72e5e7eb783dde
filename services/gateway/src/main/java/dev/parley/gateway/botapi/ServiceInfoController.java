package dev.parley.gateway.botapi;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The unauthenticated {@code /status} and {@code /versions} endpoints of the Bot Runtime API. */
@RestController
class ServiceInfoController {

    /** The only API version served; the SDK compares it, without a leading {@code v}, to its own. */
    static final String API_VERSION = "5.1.0";

    @GetMapping("/status")
    ResponseEntity<Status> status() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new Status("UP"));
    }

    @GetMapping("/versions")
    ResponseEntity<SupportedVersions> versions() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new SupportedVersions(List.of(new SupportedVersions.Version(API_VERSION, "ACTIVE"))));
    }

    /** Health of the API. */
    record Status(String status) {
    }

    /** The API versions served. */
    record SupportedVersions(List<Version> versions) {

        /** One version and whether it is {@code ACTIVE} or {@code DEPRECATED}. */
        record Version(String versionNumber, String status) {
        }
    }
}
