package dev.vodcert.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.vod.model.v20170321.AddVodDomainRequest;
import com.aliyuncs.vod.model.v20170321.DescribeVodDomainCertificateInfoRequest;
import com.aliyuncs.vod.model.v20170321.DescribeVodDomainCertificateInfoResponse;
import com.aliyuncs.vod.model.v20170321.DescribeVodDomainDetailRequest;
import com.aliyuncs.vod.model.v20170321.DescribeVodDomainDetailResponse;
import com.aliyuncs.vod.model.v20170321.SetVodDomainCertificateRequest;
import dev.vodcert.testing.Issued;
import dev.vodcert.testing.TestServer;
import java.nio.charset.StandardCharsets;

/**
 * The V1 SDK ({@code aliyun-java-sdk-core} 4.7.10 + {@code aliyun-java-sdk-vod} 2.16.22) pointed at
 * a {@link TestServer} as spec §6 says: per request {@code setSysEndpoint("127.0.0.1:port")} and
 * {@code setSysProtocol(HTTP)}. Builds the four requests and captures an error's Code, Message and
 * HTTP status.
 */
final class V1 {
    final DefaultAcsClient client;
    private final TestServer server;
    private final FormatType format;

    private V1(TestServer server, DefaultAcsClient client, FormatType format) {
        this.server = server;
        this.client = client;
        this.format = format;
    }

    /** The default account's key, JSON answers. */
    static V1 of(TestServer server) {
        return of(server, TestServer.ACCESS_KEY_ID, TestServer.ACCESS_KEY_SECRET);
    }

    static V1 of(TestServer server, String accessKeyId, String secret) {
        DefaultProfile profile = DefaultProfile.getProfile("cn-shanghai", accessKeyId, secret);
        return new V1(server, new DefaultAcsClient(profile), FormatType.JSON);
    }

    /** The same client, asking for {@code newFormat} answers ({@code Format=XML} or {@code JSON}). */
    V1 as(FormatType newFormat) {
        return new V1(server, client, newFormat);
    }

    <R extends AcsRequest<?>> R at(R request) {
        request.setSysEndpoint(server.endpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysAcceptFormat(format);
        return request;
    }

    AddVodDomainRequest addRequest(String domain) {
        AddVodDomainRequest r = at(new AddVodDomainRequest());
        r.setDomainName(domain);
        r.setSources(Sdk.SOURCES);
        return r;
    }

    SetVodDomainCertificateRequest setRequest(String domain, String sslProtocol, String pub, String pri,
                                              String certName) {
        SetVodDomainCertificateRequest r = at(new SetVodDomainCertificateRequest());
        r.setDomainName(domain);
        r.setSSLProtocol(sslProtocol);
        r.setSSLPub(pub);
        r.setSSLPri(pri);
        r.setCertName(certName);
        return r;
    }

    DescribeVodDomainCertificateInfoRequest infoRequest(String domain) {
        DescribeVodDomainCertificateInfoRequest r = at(new DescribeVodDomainCertificateInfoRequest());
        r.setDomainName(domain);
        return r;
    }

    DescribeVodDomainDetailRequest detailRequest(String domain) {
        DescribeVodDomainDetailRequest r = at(new DescribeVodDomainDetailRequest());
        r.setDomainName(domain);
        return r;
    }

    void add(String domain) throws ClientException {
        assertThat(client.getAcsResponse(addRequest(domain)).getRequestId()).matches(Sdk.REQUEST_ID);
    }

    void upload(String domain, Issued cert, String certName) throws ClientException {
        assertThat(client.getAcsResponse(setRequest(domain, "on", cert.chainPem(), cert.keyPemPkcs8(), certName))
                .getRequestId()).matches(Sdk.REQUEST_ID);
    }

    void https(String domain, String sslProtocol) throws ClientException {
        assertThat(client.getAcsResponse(setRequest(domain, sslProtocol, null, null, null)).getRequestId())
                .matches(Sdk.REQUEST_ID);
    }

    DescribeVodDomainCertificateInfoResponse info(String domain) throws ClientException {
        return client.getAcsResponse(infoRequest(domain));
    }

    DescribeVodDomainDetailResponse.DomainDetail detail(String domain) throws ClientException {
        DescribeVodDomainDetailResponse response = client.getAcsResponse(detailRequest(domain));
        assertThat(response.getRequestId()).matches(Sdk.REQUEST_ID);
        return response.getDomainDetail();
    }

    /**
     * An error answer as the SDK reports it: Code, Message and RequestId from the exception that
     * {@code getAcsResponse} throws, then the HTTP status and Content-Type from sending the same
     * request again (freshly signed) through {@code doAction}.
     */
    record Failure(String code, String message, String requestId, boolean serverException, int status,
                   String contentType, String body) {
    }

    Failure failure(AcsRequest<?> request) throws ClientException {
        ClientException e = catchThrowableOfType(ClientException.class, () -> client.getAcsResponse(request));
        assertThat(e).as("the call should have failed").isNotNull();
        HttpResponse raw = client.doAction(request);
        String body = raw.getHttpContent() == null ? "" : new String(raw.getHttpContent(), StandardCharsets.UTF_8);
        return new Failure(e.getErrCode(), e.getErrMsg(), e.getRequestId(), e instanceof ServerException,
                raw.getStatus(), raw.getHeaderValue("Content-Type"), body);
    }
}
