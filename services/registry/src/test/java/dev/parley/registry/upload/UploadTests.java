package dev.parley.registry.upload;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UploadTests {

    @Test
    void theContentHashCoversNamesAndBytesButNotOrderOrPackaging() {
        UploadedFile a = file("a.bot", "one");
        UploadedFile b = file("b.xml", "two");

        String files = new Upload(Upload.Form.FILES, List.of(a, b), null, null).contentHash();
        String reordered = new Upload(Upload.Form.ZIP, List.of(b, a), new byte[] {1}, "x.zip").contentHash();

        assertThat(files).hasSize(64).isEqualTo(reordered);
        assertThat(new Upload(Upload.Form.FILES, List.of(file("a.bot", "one!"), b), null, null).contentHash())
                .isNotEqualTo(files);
        assertThat(new Upload(Upload.Form.FILES, List.of(file("c.bot", "one"), b), null, null).contentHash())
                .isNotEqualTo(files);
        // moving bytes between name and content changes the hash
        assertThat(new Upload(Upload.Form.FILES, List.of(file("a.bo", "tone"), b), null, null).contentHash())
                .isNotEqualTo(files);
    }

    private static UploadedFile file(String name, String content) {
        return new UploadedFile(name, content.getBytes(StandardCharsets.UTF_8), true);
    }
}
