package org.openbudget.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openbudget.io.InputException;

/** A published text's bytes: UTF-8 (a U+FFFD it writes kept), else GB18030, else refused. */
class TextDecodingTest {

    private static final String TEXT = "表1 收支总表\t单位：万元\n一般公共预算拨款收入\t1,234.56\n";

    @Test
    void utf8WithOrWithoutItsMark() {
        assertThat(DocumentAudit.decode(TEXT.getBytes(StandardCharsets.UTF_8), "a.txt")).isEqualTo(TEXT);
        byte[] b = TEXT.getBytes(StandardCharsets.UTF_8), marked = new byte[b.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(b, 0, marked, 3, b.length);
        assertThat(DocumentAudit.decode(marked, "a.txt")).isEqualTo(TEXT);
    }

    @Test
    void aReplacementCharacterTheTextWritesIsKeptAsUtf8() {
        String text = TEXT + "无法显示的字：\uFFFD\n";
        assertThat(DocumentAudit.decode(text.getBytes(StandardCharsets.UTF_8), "a.txt")).isEqualTo(text);
    }

    @Test
    void gb18030WhenTheBytesAreNotUtf8() {
        assertThat(DocumentAudit.decode(TEXT.getBytes(Charset.forName("GB18030")), "a.txt")).isEqualTo(TEXT);
    }

    @Test
    void neitherIsRefusedWithTheFileNamed() {
        byte[] b = {(byte) 0xC3, (byte) 0x28, (byte) 0x81, (byte) 0x30, (byte) 0x81, 'a', 'b'};
        assertThatThrownBy(() -> DocumentAudit.decode(b, "bad.txt")).isInstanceOf(InputException.class).hasMessageContaining("bad.txt");
    }
}
