package dev.parley.terraform;

import java.util.LinkedHashMap;
import java.util.Map;

import org.openrewrite.hcl.tree.Expression;

/** The region module's {@code local.services}, read as data. */
record ServiceCatalog(Map<String, Entry> entries, String kafkaOwner) {

    /** One service of the catalogue. */
    record Entry(String name, boolean internal, boolean database, boolean redis, boolean kafka, String size,
            Map<String, String> calls, Map<String, String> publicUrls, Map<String, String> secrets) {
    }

    static ServiceCatalog read(TerraformFiles module) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        HclValues.object(module.local("services")).forEach((name, value) -> {
            Map<String, Expression> fields = HclValues.object(value);
            entries.put(name, new Entry(name, bool(fields, name, "internal"), bool(fields, name, "database"),
                    bool(fields, name, "redis"), bool(fields, name, "kafka"),
                    HclValues.string(field(fields, name, "size")).orElseThrow(),
                    HclValues.stringMap(field(fields, name, "calls")),
                    HclValues.stringMap(field(fields, name, "public_urls")),
                    HclValues.stringMap(field(fields, name, "secrets"))));
        });
        String kafkaOwner = HclValues.string(module.local("kafka_owner"))
            .orElseThrow(() -> new AssertionError("local.kafka_owner must be a plain string"));
        return new ServiceCatalog(Map.copyOf(entries), kafkaOwner);
    }

    private static boolean bool(Map<String, Expression> fields, String service, String field) {
        return HclValues.bool(field(fields, service, field));
    }

    private static Expression field(Map<String, Expression> fields, String service, String field) {
        Expression value = fields.get(field);
        if (value == null) {
            throw new AssertionError("local.services." + service + " has no " + field);
        }
        return value;
    }

}
