package cn.mingjie.geocore.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageTypeTest {

    @Test
    void jpegPngAndWebpAreRecognisedByTheirLeadingBytes() throws IOException {
        assertThat(ImageType.detect(TestImages.encoded("jpg"))).contains(ImageType.JPEG);
        assertThat(ImageType.detect(TestImages.encoded("png"))).contains(ImageType.PNG);
        byte[] webp = "RIFF\u0024\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ImageType.detect(webp)).contains(ImageType.WEBP);
        assertThat(ImageType.PNG.contentType()).isEqualTo("image/png");
    }

    @Test
    void otherBytesAreNoImageWhateverTheyClaim() throws IOException {
        // A RIFF container that is not WebP (a WAVE sound), an HTML page, a GIF, and too few bytes to tell.
        assertThat(ImageType.detect("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.ISO_8859_1)))
                .isEmpty();
        assertThat(ImageType.detect("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(ImageType.detect(TestImages.encoded("gif"))).isEmpty();
        assertThat(ImageType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(ImageType.detect(new byte[0])).isEmpty();
    }
}
