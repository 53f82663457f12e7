package dev.vodcert.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Vectors A-G of the spec (§4.2, §5.3), each checked at the step the spec gives. */
class PublishedVectorsTest {

    @Test
    void vectorA_classicEcsExample() {
        Map<String, String> params = new TreeMap<>(Map.of(
                "AccessKeyId", "testid", "Action", "DescribeRegions", "Format", "XML",
                "SignatureMethod", "HMAC-SHA1", "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
                "SignatureVersion", "1.0", "Timestamp", "2016-02-23T12:46:24Z", "Version", "2014-05-26"));
        String sts = SignatureV1.stringToSign("GET", params, false);
        assertThat(sts).isEqualTo("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML"
                + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
                + "%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26");
        assertThat(SignatureV1.sign("testsecret", sts)).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
    }

    @Test
    void vectorB_v1CoreDescribeVodDomainCertificateInfo() {
        RpcRequest request = new RpcRequest("POST", "/", "SignatureVersion=1.0&Action=DescribeVodDomainCertificateInfo"
                + "&Format=JSON&SignatureNonce=bffacdd2ef2a152be152dbb9fdce2260&Version=2017-03-21"
                + "&DomainName=example.com&AccessKeyId=testid&Signature=mK5EyrzgQBX3m72AQi83diq3%2BOA%3D"
                + "&SignatureMethod=HMAC-SHA1&RegionId=cn-shanghai&Timestamp=2026-11-28T01%3A58%3A17Z",
                Map.of(), new byte[0], "127.0.0.1");
        RequestParameters params = RequestParameters.read(request);
        String sts = SignatureV1.stringToSign("POST", params.all(), false);
        assertThat(sts).isEqualTo("POST&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeVodDomainCertificateInfo"
                + "%26DomainName%3Dexample.com%26Format%3DJSON%26RegionId%3Dcn-shanghai%26SignatureMethod%3DHMAC-SHA1"
                + "%26SignatureNonce%3Dbffacdd2ef2a152be152dbb9fdce2260%26SignatureVersion%3D1.0"
                + "%26Timestamp%3D2026-11-28T01%253A58%253A17Z%26Version%3D2017-03-21");
        assertThat(SignatureV1.sign("testsecret", sts)).isEqualTo("mK5EyrzgQBX3m72AQi83diq3+OA=");
        assertThat(params.get("Signature")).isEqualTo("mK5EyrzgQBX3m72AQi83diq3+OA=");
    }

    @Test
    void vectorC_specialCharactersDecodedThenReencoded() {
        RequestParameters params = RequestParameters.read(new RpcRequest("POST", "/",
                "SSLPub=a+b%2Bc%2Fd%3De%7Ef*g%21%28x%29%0A%E4%B8%AD", Map.of(), new byte[0], ""));
        assertThat(params.get("SSLPub")).isEqualTo("a b+c/d=e~f*g!(x)\n中");
        assertThat(PercentEncoder.encode(params.get("SSLPub")))
                .isEqualTo("a%20b%2Bc%2Fd%3De~f%2Ag%21%28x%29%0A%E4%B8%AD");
    }

    @Test
    void vectorD_publishedV3Example() {
        Map<String, String> headers = Map.of(
                "host", "ecs.cn-shanghai.aliyuncs.com", "x-acs-action", "RunInstances",
                "x-acs-content-sha256", SignatureV3.EMPTY_SHA256, "x-acs-date", "2023-10-26T10:22:32Z",
                "x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d", "x-acs-version", "2014-05-26");
        String canonical = SignatureV3.canonicalRequest("POST", "/",
                Map.of("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd", "RegionId", "cn-shanghai"),
                List.of("host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce",
                        "x-acs-version"), headers, SignatureV3.EMPTY_SHA256);
        String sts = SignatureV3.stringToSign(canonical);
        assertThat(sts).isEqualTo("ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259");
        assertThat(SignatureV3.sign("YourAccessKeySecret", sts))
                .isEqualTo("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0");
    }

    @Test
    void vectorE_asyncSdkV3() {
        Map<String, String> headers = Map.of(
                "host", "127.0.0.1:18081", "x-acs-action", "DescribeVodDomainCertificateInfo",
                "x-acs-version", "2017-03-21", "x-acs-date", "2026-11-28T02:01:13Z",
                "x-acs-signature-nonce", "3a00e40b-5335-45b8-a1aa-88a81df0e3ac17958312732281",
                "x-acs-content-sha256", SignatureV3.EMPTY_SHA256);
        AuthorizationHeader auth = AuthorizationHeader.parse("ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;"
                + "x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
                + "Signature=d010793b998a3ae9eeceee7b04d19f4de5ef3b03f5a889b79cdecf092b1b1464");
        String canonical = SignatureV3.canonicalRequest("POST", "/", Map.of("DomainName", "example.com"),
                auth.signedHeaders(), headers, SignatureV3.EMPTY_SHA256);
        String sts = SignatureV3.stringToSign(canonical);
        assertThat(sts).endsWith("6f19b34d378f30b11c98526e0c72d7358ac2f1b4a54c0b07850d66e3fec7fd40");
        assertThat(SignatureV3.matches("testsecret", sts, auth.signature())).isTrue();
    }

    @Test
    void vectorF_v1CoreInV3ModeWithoutHost() {
        Map<String, String> headers = Map.of(
                "content-type", "application/x-www-form-urlencoded", "x-acs-action", "DescribeVodDomainCertificateInfo",
                "x-acs-version", "2017-03-21", "x-acs-date", "2026-11-28T02:06:44Z",
                "x-acs-signature-nonce", "e28244b2bb501a6eb856b4b222aad4a6",
                "x-acs-content-sha256", SignatureV3.EMPTY_SHA256);
        AuthorizationHeader auth = AuthorizationHeader.parse("ACS3-HMAC-SHA256 Credential=testid,"
                + "Signature=8cdf501432cbe4c9134849a23c62b0e40d8ef9a318d52d4a3f787ab793151fec,"
                + "SignedHeaders=content-type;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version");
        Map<String, String> query = RequestParameters.read(new RpcRequest("POST", "/",
                "Action=DescribeVodDomainCertificateInfo&Format=JSON&Version=2017-03-21&DomainName=example.com",
                Map.of(), new byte[0], "")).query();
        assertThat(SignatureV3.canonicalQuery(query))
                .isEqualTo("Action=DescribeVodDomainCertificateInfo&DomainName=example.com&Format=JSON&Version=2017-03-21");
        String sts = SignatureV3.stringToSign(SignatureV3.canonicalRequest("POST", "/", query, auth.signedHeaders(),
                headers, SignatureV3.EMPTY_SHA256));
        assertThat(sts).endsWith("671dcde9d7bdde3d632be6dd8f1a8c926ae028496a36af27c8395e6a184c46e9");
        assertThat(SignatureV3.matches("testsecret", sts, auth.signature())).isTrue();
    }

    @Test
    void vectorG_teaOpenapiCanonicalQueryWithSpecialCharacters() {
        Map<String, String> query = RequestParameters.read(new RpcRequest("POST", "/",
                "DomainName=example.com&SSLPub=a+b%2Bc%2Fd%3De%7Ef*g%21%28x%29%0A%E4%B8%AD",
                Map.of(), new byte[0], "")).query();
        assertThat(SignatureV3.canonicalQuery(query))
                .isEqualTo("DomainName=example.com&SSLPub=a%20b%2Bc%2Fd%3De~f%2Ag%21%28x%29%0A%E4%B8%AD");
    }
}
