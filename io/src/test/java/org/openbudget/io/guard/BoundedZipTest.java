package org.openbudget.io.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/** The one bounded zip reader (a batch's upload, an OFD package): each bound stops the zip or flags the entry, saying which. */
class BoundedZipTest {
    static byte[] zip(Object... nameThenBytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < nameThenBytes.length; i += 2) {
                z.putNextEntry(new ZipEntry((String) nameThenBytes[i]));
                Object c = nameThenBytes[i + 1];
                z.write(c instanceof byte[] b ? b : ((String) c).getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static final BoundedZip.Bounds ROOMY = new BoundedZip.Bounds(10, 1 << 20, 8 << 20, 10);

    @Test
    void entriesAreGivenInOrderAndEachBoundStopsTheZipOrFlagsTheEntry() throws Exception {
        List<BoundedZip.Entry> seen = new ArrayList<>();
        assertThat(BoundedZip.read(zip("a/", "", "a/一.txt", "一", "b.pdf", "%PDF-"), StandardCharsets.UTF_8, ROOMY, seen::add)).isEqualTo(3);
        assertThat(seen).extracting(BoundedZip.Entry::name).containsExactly("a/一.txt", "b.pdf");   // a directory is counted, not given
        assertThat(new String(seen.get(0).content(), StandardCharsets.UTF_8)).isEqualTo("一");

        // an entry past its bound is read through and flagged; the next one is still read
        seen.clear();
        BoundedZip.read(zip("big.txt", "x".repeat(5000), "small.txt", "y"), StandardCharsets.UTF_8, new BoundedZip.Bounds(10, 4096, 1 << 20, 10), seen::add);
        assertThat(seen).extracting(BoundedZip.Entry::tooLarge).containsExactly(true, false);

        assertThatThrownBy(() -> BoundedZip.read(zip("a", "1", "b", "2", "c", "3"), StandardCharsets.UTF_8, new BoundedZip.Bounds(2, 1 << 20, 1 << 20, 10), e -> {}))
                .isInstanceOf(BoundedZip.Refused.class).hasMessageContaining("条目超过 2 个");
        assertThatThrownBy(() -> BoundedZip.read(zip("a", "x".repeat(3000), "b", "x".repeat(3000)), StandardCharsets.UTF_8, new BoundedZip.Bounds(10, 1 << 20, 5000, 1), e -> {}))
                .isInstanceOf(BoundedZip.Refused.class).hasMessageContaining("解压后合计超过");
        // a bomb: 8 MB of zeros stops after the first megabyte, naming the entry
        assertThatThrownBy(() -> BoundedZip.read(zip("炸弹.txt", new byte[8 << 20]), StandardCharsets.UTF_8, new BoundedZip.Bounds(10, 64 << 20, 64 << 20, 10), e -> {}))
                .isInstanceOf(BoundedZip.Refused.class).hasMessageContaining("炸弹.txt").hasMessageContaining("压缩炸弹");
        assertThatThrownBy(() -> BoundedZip.read(new byte[] {'P', 'K', 3, 4, 9, 9, 9}, StandardCharsets.UTF_8, ROOMY, e -> {}))
                .isInstanceOf(BoundedZip.Refused.class).hasMessageContaining("zip");
        assertThatThrownBy(() -> BoundedZip.read("not a zip".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, ROOMY, e -> {}))
                .isInstanceOf(BoundedZip.Refused.class).hasMessageContaining("不是 zip 压缩包");
        // the visitor may refuse the whole
        assertThatThrownBy(() -> BoundedZip.read(zip("../x", "1"), StandardCharsets.UTF_8, ROOMY, e -> { throw new BoundedZip.Refused("越出包外：" + e.name()); }))
                .isInstanceOf(BoundedZip.Refused.class).hasMessage("越出包外：../x");
    }
}
