package cocon.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

import tools.jackson.databind.json.JsonMapper;

/**
 * The API's JSON answers (problem details included) sent with their length when they are small, as one write (ADR
 * 0067). Jackson's converter flushes its generator into the servlet's stream, which sends the headers and the body
 * at once as a chunk; the end of the request then sends the last chunk: two writes per answer, 3 % of the CPU of a
 * support. Held here up to {@link #HELD} bytes, the answer gets a {@code Content-Length} and leaves with the flush
 * that ends the handler's return. A longer answer (a page of a list) streams as before, without a length.
 */
final class SizedJsonAnswers extends JacksonJsonHttpMessageConverter {

	/** Tomcat's own output buffer: a longer answer could not leave in one write anyway. */
	static final int HELD = 8 * 1024;

	SizedJsonAnswers(JsonMapper mapper) {
		super(mapper);
	}

	@Override
	protected void writeInternal(Object object, ResolvableType type, HttpOutputMessage output,
			Map<String, Object> hints) throws IOException {
		var held = new Held(output);
		super.writeInternal(object, type, new HttpOutputMessage() {

			@Override
			public OutputStream getBody() {
				return held;
			}

			@Override
			public HttpHeaders getHeaders() {
				return output.getHeaders();
			}
		}, hints);
		held.end();
	}

	/** The answer's bytes, held until complete or until over {@link #HELD}, then streamed to the real body. */
	private static final class Held extends OutputStream {

		private final HttpOutputMessage output;
		private byte[] bytes = new byte[256];
		private int count;
		private OutputStream streamed;

		Held(HttpOutputMessage output) {
			this.output = output;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			if (streamed == null && count + len > HELD) {
				streamed = output.getBody();
				streamed.write(bytes, 0, count);
				bytes = null;
			}
			if (streamed != null) {
				streamed.write(b, off, len);
				return;
			}
			if (count + len > bytes.length) {
				bytes = Arrays.copyOf(bytes, Math.min(HELD, Math.max(bytes.length * 2, count + len)));
			}
			System.arraycopy(b, off, bytes, count, len);
			count += len;
		}

		/**
		 * Jackson flushes at the end of the value; the handler's return flushes the answer once written: a flush
		 * here would only send a part.
		 */
		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

		void end() throws IOException {
			if (streamed == null) {
				output.getHeaders().setContentLength(count);
				output.getBody().write(bytes, 0, count);
			}
		}
	}
}
