package dev.parley.loguploader.destination;

import dev.parley.loguploader.web.Ids;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The org admins' destinations, reached through the console with the internal credential. */
@RestController
@RequestMapping("/internal/v1/orgs/{orgId}/log-destinations")
class DestinationController {

    private final DestinationService service;

    DestinationController(DestinationService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<DestinationView> create(@PathVariable String orgId, @RequestBody DestinationRequest request) {
        Destination created = service.create(Ids.orgId(orgId), request);
        return ResponseEntity.created(URI.create("/internal/v1/orgs/" + orgId + "/log-destinations/" + created.id()))
                .body(DestinationView.of(created));
    }

    @GetMapping
    DestinationList list(@PathVariable String orgId) {
        return new DestinationList(service.list(Ids.orgId(orgId)).stream().map(DestinationView::of).toList());
    }

    @GetMapping("/{id}")
    DestinationView get(@PathVariable String orgId, @PathVariable String id) {
        return DestinationView.of(service.require(Ids.orgId(orgId), Ids.uuid("id", id)));
    }

    @PutMapping("/{id}")
    DestinationView replace(@PathVariable String orgId, @PathVariable String id,
            @RequestBody DestinationRequest request) {
        return DestinationView.of(service.replace(Ids.orgId(orgId), Ids.uuid("id", id), request));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String orgId, @PathVariable String id) {
        service.delete(Ids.orgId(orgId), Ids.uuid("id", id));
        return ResponseEntity.noContent().build();
    }

    /** The org's destinations. */
    record DestinationList(List<DestinationView> destinations) {
    }
}
