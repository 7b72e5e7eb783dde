package dev.parley.callout.invocation;

import dev.parley.callout.CalloutFailure;
import dev.parley.callout.api.EndpointConfig;
import dev.parley.callout.api.EndpointKinds;
import dev.parley.callout.api.HttpTemplate;
import dev.parley.callout.http.OutboundRequest;
import dev.parley.callout.http.OutboundResponse;
import dev.parley.callout.mapping.Template;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@link CallPlan} of each endpoint kind. */
final class CallPlans {

    /** The Salesforce REST API version flow and query calls use. */
    static final String API_VERSION = "v62.0";

    private CallPlans() {
    }

    static CallPlan of(EndpointConfig endpoint, JsonMapper json) {
        OutputMapping outputs = new OutputMapping(endpoint.outputs(), json);
        return switch (endpoint.kind()) {
            case EndpointKinds.HTTP -> new HttpPlan(endpoint, outputs, json);
            case EndpointKinds.APEX -> new ApexPlan(endpoint, outputs, json);
            case EndpointKinds.FLOW -> new FlowPlan(endpoint, outputs, json);
            case EndpointKinds.RECORD_LOOKUP -> new RecordLookupPlan(endpoint, outputs, json);
            default -> throw new IllegalStateException("endpoint " + endpoint.name() + " has unknown kind " + endpoint.kind());
        };
    }

    private static Map<String, String> baseHeaders(EndpointConfig endpoint, String invocationId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (endpoint.idempotencyKeyHeader() != null) {
            headers.put(endpoint.idempotencyKeyHeader(), invocationId);
        }
        return headers;
    }

    private static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw CalloutFailure.mapping("the filled URL is not valid: " + e.getReason());
        }
    }

    /** Salesforce errors come as {@code [{"message": ..., "errorCode": ...}]}. */
    private static String salesforceError(OutboundResponse response, JsonMapper json) {
        try {
            JsonNode body = json.readTree(response.body());
            JsonNode first = body.isArray() && !body.isEmpty() ? body.get(0) : body;
            JsonNode code = first.get("errorCode");
            JsonNode message = first.get("message");
            if (code != null || message != null) {
                return "Salesforce answered " + response.status() + ": " + (code == null ? "" : code.asString() + ": ")
                        + (message == null ? "" : message.asString());
            }
        } catch (RuntimeException e) {
            // not JSON: fall through to the raw snippet
        }
        return "Salesforce answered " + response.status() + " " + OutputMapping.snippet(response.body());
    }

    /** Any HTTPS API. */
    static final class HttpPlan implements CallPlan {

        private final EndpointConfig endpoint;
        private final OutputMapping outputs;
        private final JsonMapper json;
        private final String method;
        private final Template url;
        private final Map<String, Template> headers = new LinkedHashMap<>();
        private final Template body;

        HttpPlan(EndpointConfig endpoint, OutputMapping outputs, JsonMapper json) {
            this.endpoint = endpoint;
            this.outputs = outputs;
            this.json = json;
            HttpTemplate http = endpoint.http();
            this.method = http.method();
            String urlTemplate = http.urlTemplate().startsWith("/") ? endpoint.baseUrl() + http.urlTemplate()
                    : http.urlTemplate();
            this.url = Template.parse(urlTemplate, Template.Context.URL);
            http.headers().forEach((name, value) -> headers.put(name, Template.parse(value, Template.Context.HEADER)));
            this.body = http.bodyTemplate() == null ? null : Template.parse(http.bodyTemplate(), Template.Context.JSON);
        }

        @Override
        public OutboundRequest request(Map<String, Object> inputs, String invocationId) {
            Map<String, String> filled = baseHeaders(endpoint, invocationId);
            headers.forEach((name, template) -> filled.put(name,
                    template.fill(inputs, json, "http.headers." + name)));
            byte[] bytes = null;
            if (body != null) {
                bytes = body.fill(inputs, json, "http.bodyTemplate").getBytes(StandardCharsets.UTF_8);
            } else if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
                bytes = json.writeValueAsBytes(inputs);
            }
            return new OutboundRequest(method, uri(url.fill(inputs, json, "http.urlTemplate")), filled, bytes);
        }

        @Override
        public Map<String, Object> outputs(OutboundResponse response) {
            if (outputs.isEmpty() && response.body().length == 0) {
                return Map.of();
            }
            return outputs.apply(OutputMapping.parse(response.body(), json), "the answer");
        }

        @Override
        public String errorMessage(OutboundResponse response) {
            String snippet = OutputMapping.snippet(response.body());
            return "the endpoint answered " + response.status() + (snippet.isEmpty() ? "" : ": " + snippet);
        }
    }

    /** Apex REST: the inputs are the JSON object of the method's parameters. */
    static final class ApexPlan implements CallPlan {

        private final EndpointConfig endpoint;
        private final OutputMapping outputs;
        private final JsonMapper json;
        private final URI uri;

        ApexPlan(EndpointConfig endpoint, OutputMapping outputs, JsonMapper json) {
            this.endpoint = endpoint;
            this.outputs = outputs;
            this.json = json;
            this.uri = uri(endpoint.baseUrl() + "/services/apexrest/" + endpoint.apexPath());
        }

        @Override
        public OutboundRequest request(Map<String, Object> inputs, String invocationId) {
            return new OutboundRequest("POST", uri, baseHeaders(endpoint, invocationId), json.writeValueAsBytes(inputs));
        }

        @Override
        public Map<String, Object> outputs(OutboundResponse response) {
            return outputs.apply(OutputMapping.parse(response.body(), json), "the answer");
        }

        @Override
        public String errorMessage(OutboundResponse response) {
            return salesforceError(response, json);
        }
    }

    /** An autolaunched flow through the REST actions endpoint. */
    static final class FlowPlan implements CallPlan {

        private final EndpointConfig endpoint;
        private final OutputMapping outputs;
        private final JsonMapper json;
        private final URI uri;

        FlowPlan(EndpointConfig endpoint, OutputMapping outputs, JsonMapper json) {
            this.endpoint = endpoint;
            this.outputs = outputs;
            this.json = json;
            this.uri = uri(endpoint.baseUrl() + "/services/data/" + API_VERSION + "/actions/custom/flow/"
                    + endpoint.flowName());
        }

        @Override
        public OutboundRequest request(Map<String, Object> inputs, String invocationId) {
            return new OutboundRequest("POST", uri, baseHeaders(endpoint, invocationId),
                    json.writeValueAsBytes(Map.of("inputs", java.util.List.of(inputs))));
        }

        @Override
        public Map<String, Object> outputs(OutboundResponse response) {
            JsonNode body = OutputMapping.parse(response.body(), json);
            if (body == null || !body.isArray() || body.isEmpty()) {
                throw CalloutFailure.mapping("the flow's answer is not a non-empty array of results");
            }
            JsonNode first = body.get(0);
            JsonNode success = first.get("isSuccess");
            if (success != null && !success.asBoolean()) {
                throw CalloutFailure.http(response.status(), "flow " + endpoint.flowName() + " failed: "
                        + flowErrors(first));
            }
            JsonNode values = first.get("outputValues");
            return outputs.apply(values, "the flow's outputValues");
        }

        @Override
        public String errorMessage(OutboundResponse response) {
            try {
                JsonNode body = json.readTree(response.body());
                if (body.isArray() && !body.isEmpty() && body.get(0).has("isSuccess")) {
                    return "flow " + endpoint.flowName() + " failed (" + response.status() + "): "
                            + flowErrors(body.get(0));
                }
            } catch (RuntimeException e) {
                // fall back to the generic Salesforce error
            }
            return salesforceError(response, json);
        }

        private static String flowErrors(JsonNode result) {
            JsonNode errors = result.get("errors");
            if (errors == null || !errors.isArray() || errors.isEmpty()) {
                return "no error given";
            }
            JsonNode error = errors.get(0);
            JsonNode code = error.get("statusCode");
            JsonNode message = error.get("message");
            return (code == null ? "" : code.asString() + ": ") + (message == null ? "" : message.asString());
        }
    }

    /**
     * A SOQL query: from the endpoint's template (outputs from the first record), or, without a template, built from
     * the engine's structured lookup inputs (outputs {@code records} and {@code totalSize}, plus any mapped outputs
     * of the first record).
     */
    static final class RecordLookupPlan implements CallPlan {

        private final EndpointConfig endpoint;
        private final OutputMapping outputs;
        private final JsonMapper json;
        private final Template soql;

        RecordLookupPlan(EndpointConfig endpoint, OutputMapping outputs, JsonMapper json) {
            this.endpoint = endpoint;
            this.outputs = outputs;
            this.json = json;
            this.soql = endpoint.soqlTemplate() == null ? null
                    : Template.parse(endpoint.soqlTemplate(), Template.Context.SOQL);
        }

        @Override
        public OutboundRequest request(Map<String, Object> inputs, String invocationId) {
            String query = soql == null ? StructuredQuery.soql(inputs, endpoint.name())
                    : soql.fill(inputs, json, "soqlTemplate");
            String encoded = java.net.URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
            return new OutboundRequest("GET",
                    uri(endpoint.baseUrl() + "/services/data/" + API_VERSION + "/query?q=" + encoded),
                    baseHeaders(endpoint, invocationId), null);
        }

        @Override
        public Map<String, Object> outputs(OutboundResponse response) {
            JsonNode body = OutputMapping.parse(response.body(), json);
            JsonNode records = body == null ? null : body.get("records");
            if (records == null || !records.isArray()) {
                throw CalloutFailure.mapping("the query answer has no records array");
            }
            if (soql == null) {
                Map<String, Object> all = new LinkedHashMap<>();
                List<Object> rows = new ArrayList<>();
                records.forEach(record -> rows.add(withoutAttributes(json.treeToValue(record, Object.class))));
                all.put("records", rows);
                all.put("totalSize", body.path("totalSize").asInt(rows.size()));
                if (!outputs.isEmpty()) {
                    all.putAll(records.isEmpty() ? outputs.nulls() : outputs.apply(records.get(0), "the first record"));
                }
                return all;
            }
            if (records.isEmpty()) {
                return outputs.nulls();
            }
            JsonNode first = records.get(0);
            if (outputs.isEmpty() && first.isObject()) {
                Map<String, Object> all = new LinkedHashMap<>(outputs.apply(first, "the first record"));
                all.remove("attributes");
                return all;
            }
            return outputs.apply(first, "the first record");
        }

        /** Drops Salesforce's {@code attributes} (type, url) from a record and its related records. */
        @SuppressWarnings("unchecked")
        private static Object withoutAttributes(Object value) {
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                ((Map<String, Object>) map).forEach((key, field) -> {
                    if (!key.equals("attributes")) {
                        copy.put(key, withoutAttributes(field));
                    }
                });
                return copy;
            }
            return value;
        }

        @Override
        public String errorMessage(OutboundResponse response) {
            return salesforceError(response, json);
        }
    }
}
