package dev.parley.loguploader.ingest;

import dev.parley.loguploader.web.Ids;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operators' reprocess command: re-read a range of the turn-events topic and re-send it without duplicates. */
@RestController
@RequestMapping("/internal/v1/log-uploader/reprocess")
class ReprocessController {

    private final ReprocessService service;

    ReprocessController(ReprocessService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<ReprocessJob> start(@RequestBody ReprocessRequest request,
            @RequestHeader(name = "X-Request-ID", required = false) String requestId) {
        ReprocessJob job = service.start(request, requestId == null ? "unknown" : requestId);
        return ResponseEntity.accepted().location(URI.create("/internal/v1/log-uploader/reprocess/" + job.id()))
                .body(job);
    }

    @GetMapping("/{jobId}")
    ReprocessJob get(@PathVariable String jobId) {
        return service.find(Ids.uuid("jobId", jobId));
    }
}
