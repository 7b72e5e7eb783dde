package dev.parley.runtime.bot;

import dev.parley.platform.client.InternalHttpClients;
import dev.parley.registry.api.ActiveVersion;
import dev.parley.registry.api.ActiveVersions;
import dev.parley.registry.api.RegistryPaths;
import dev.parley.registry.api.VersionFiles;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.util.List;
import java.util.Optional;

/**
 * {@link RegistryClient} over HTTP, built from the platform's {@link RestClient.Builder} (internal credential and
 * request id added).
 */
final class HttpRegistryClient implements RegistryClient {

    private final RestClient client;

    HttpRegistryClient(RestClient.Builder builder, RegistryCatalogProperties properties) {
        this.client = builder.baseUrl(properties.registryUrl().toString())
                .requestFactory(InternalHttpClients.pooled(properties.registry().timeout(),
                        properties.registry().timeout()))
                .build();
    }

    @Override
    public List<ActiveVersion> activeVersions() {
        try {
            ActiveVersions body = client.get().uri(RegistryPaths.INTERNAL_ACTIVE_VERSIONS).retrieve()
                    .body(ActiveVersions.class);
            return body == null ? List.of() : body.versions();
        } catch (RestClientException e) {
            throw new BotRegistryUnavailableException("Could not load the active bot versions from the registry: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Optional<VersionFiles> files(String orgId, String botId, String versionId) {
        try {
            return Optional.ofNullable(client.get()
                    .uri(RegistryPaths.INTERNAL_VERSION_FILES, orgId, botId, versionId)
                    .retrieve()
                    .body(VersionFiles.class));
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return Optional.empty();
            }
            throw unavailable(versionId, e);
        } catch (RestClientException e) {
            throw unavailable(versionId, e);
        }
    }

    private static BotRegistryUnavailableException unavailable(String versionId, RestClientException e) {
        return new BotRegistryUnavailableException("Could not load bot version " + versionId + " from the registry: "
                + e.getMessage(), e);
    }
}
