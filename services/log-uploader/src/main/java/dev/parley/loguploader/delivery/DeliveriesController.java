package dev.parley.loguploader.delivery;

import dev.parley.loguploader.delivery.DeliveryStore.Delivery;
import dev.parley.loguploader.web.Ids;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A destination's deliveries: listing (dead ones above all), replays, and its delivery status. */
@RestController
@RequestMapping("/internal/v1/orgs/{orgId}/log-destinations/{id}")
class DeliveriesController {

    private final DeliveryAdmin admin;

    DeliveriesController(DeliveryAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/deliveries")
    DeliveryAdmin.Page list(@PathVariable String orgId, @PathVariable String id,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String cursor) {
        return admin.list(Ids.orgId(orgId), Ids.uuid("id", id), status, limit, cursor);
    }

    @GetMapping("/deliveries/{batchId}")
    Delivery get(@PathVariable String orgId, @PathVariable String id, @PathVariable String batchId) {
        return admin.get(Ids.orgId(orgId), Ids.uuid("id", id), Ids.uuid("batchId", batchId));
    }

    @PostMapping("/deliveries/{batchId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Delivery replay(@PathVariable String orgId, @PathVariable String id, @PathVariable String batchId) {
        return admin.replay(Ids.orgId(orgId), Ids.uuid("id", id), Ids.uuid("batchId", batchId));
    }

    @PostMapping("/deliveries/replay-dead")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Integer> replayDead(@PathVariable String orgId, @PathVariable String id) {
        return Map.of("replayed", admin.replayDead(Ids.orgId(orgId), Ids.uuid("id", id)));
    }

    @GetMapping("/delivery-status")
    DeliveryAdmin.Status status(@PathVariable String orgId, @PathVariable String id) {
        return admin.status(Ids.orgId(orgId), Ids.uuid("id", id));
    }
}
