package dev.parley.registry.upload;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Sizes multipart parsing from {@link UploadProperties}, so there is one set of limits: a part may be as large as the
 * whole request (it may be the zip); the per-file limit is checked by {@link UploadReader} with a precise answer.
 */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {

    @Bean
    MultipartConfigElement multipartConfigElement(UploadProperties limits) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        factory.setMaxFileSize(limits.maxRequestSize());
        factory.setMaxRequestSize(limits.maxRequestSize());
        factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
        return factory.createMultipartConfig();
    }
}
