package dev.parley.registry.upload;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadPropertiesTests {

    @Test
    void badLimitsAreRefusedWithTheValue() {
        DataSize mb = DataSize.ofMegabytes(1);
        assertThatThrownBy(() -> new UploadProperties(DataSize.ofBytes(0), mb, 10, mb, 10, mb))
                .hasMessageContaining("max-request-size").hasMessageContaining("0B");
        assertThatThrownBy(() -> new UploadProperties(mb, mb, 0, mb, 10, mb))
                .hasMessageContaining("max-zip-entries").hasMessageContaining("0");
        assertThatThrownBy(() -> new UploadProperties(mb, mb, 10, mb, 1, mb))
                .hasMessageContaining("max-compression-ratio").hasMessageContaining("1");
        assertThatThrownBy(() -> new UploadProperties(mb, DataSize.ofMegabytes(2), 10, mb, 10, mb))
                .hasMessageContaining("max-file-size").hasMessageContaining("must not exceed");
    }
}
