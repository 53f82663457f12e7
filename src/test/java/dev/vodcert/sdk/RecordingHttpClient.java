package dev.vodcert.sdk;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.CallBack;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.HttpClientType;
import com.aliyuncs.http.HttpRequest;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.IHttpClient;
import com.aliyuncs.http.clients.ApacheHttpClient;
import dev.vodcert.testing.Transcript;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;

/**
 * The V1 SDK's own Apache HTTP client with every response body also written to the
 * {@link Transcript}, plugged in through the SDK's documented custom-client setting so the SDK
 * sends and parses exactly as it always does.
 */
public final class RecordingHttpClient extends IHttpClient {
    private ApacheHttpClient delegate;

    public RecordingHttpClient(HttpClientConfig config) throws ClientException {
        super(config);
    }

    /** The SDK's default client settings, with this class as the client. */
    static HttpClientConfig config() {
        HttpClientConfig config = HttpClientConfig.getDefault();
        config.setClientType(HttpClientType.Custom);
        config.setCustomClientClassName(RecordingHttpClient.class.getName());
        return config;
    }

    /** Takes the SDK's shared client and initialises it as the SDK's own factory does ({@code init} is protected). */
    @Override
    protected void init(HttpClientConfig config) throws ClientException {
        delegate = ApacheHttpClient.getInstance();
        try {
            Method init = IHttpClient.class.getDeclaredMethod("init", HttpClientConfig.class);
            init.setAccessible(true);
            init.invoke(delegate, config);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot initialise the SDK's HTTP client", e);
        }
    }

    @Override
    public HttpResponse syncInvoke(HttpRequest request) throws IOException, ClientException {
        HttpResponse response = delegate.syncInvoke(request);
        if (response.getHttpContent() != null) {
            Transcript.response(new String(response.getHttpContent(), StandardCharsets.UTF_8));
        }
        return response;
    }

    @Override
    public Future<HttpResponse> asyncInvoke(HttpRequest request, CallBack callback) {
        return delegate.asyncInvoke(request, callback);
    }

    @Override
    public void ignoreSSLCertificate() {
        delegate.ignoreSSLCertificate();
    }

    @Override
    public void restoreSSLCertificate() {
        delegate.restoreSSLCertificate();
    }

    @Override
    public boolean isSingleton() {
        return false;
    }

    @Override
    public void close() {
        // the delegate is the SDK's shared instance; it outlives this wrapper
    }
}
