package dev.vodcert.testing;

import com.aliyun.tea.NameInMap;
import com.aliyun.tea.TeaModel;
import java.util.List;
import java.util.Map;

/**
 * The fields of answer models that only SDK releases newer than the ones the package registry here
 * serves declare (vod20170321 3.x, cas20200407 3.x), written after reading those models: the same
 * names ({@link NameInMap}) and Java types. {@link #read} fills one from a generic client's answer
 * body with the Tea runtime's own {@link TeaModel#build}, the step those SDKs take, so a field of
 * the wrong JSON shape or type fails there as it would in them.
 */
public final class NewerModels {
    private NewerModels() {
    }

    /** The answer body of a {@link TeaGenericClient#call} read into {@code model}. */
    @SuppressWarnings("unchecked")
    public static <T extends TeaModel> T read(Map<String, ?> answer, T model) {
        try {
            return TeaModel.build((Map<String, ?>) answer.get("body"), model);
        } catch (Exception e) {
            throw new AssertionError("the answer does not fit " + model.getClass().getSimpleName() + ": " + e, e);
        }
    }

    /** DescribeVodTagResourcesResponseBody. */
    public static class TagResourcesBody extends TeaModel {
        @NameInMap("RequestId") public String requestId;
        @NameInMap("TagResources") public List<TagResource> tagResources;
    }

    public static class TagResource extends TeaModel {
        @NameInMap("ResourceId") public String resourceId;
        @NameInMap("Tag") public List<Tag> tag;
    }

    public static class Tag extends TeaModel {
        @NameInMap("Key") public String key;
        @NameInMap("Value") public String value;
    }

    /** ListTagResourcesResponseBody. */
    public static class ListTagsBody extends TeaModel {
        @NameInMap("NextToken") public String nextToken;
        @NameInMap("RequestId") public String requestId;
        @NameInMap("TagResources") public ListTagResources tagResources;
    }

    public static class ListTagResources extends TeaModel {
        @NameInMap("TagResource") public List<ListTagResource> tagResource;
    }

    public static class ListTagResource extends TeaModel {
        @NameInMap("ResourceId") public String resourceId;
        @NameInMap("ResourceType") public String resourceType;
        @NameInMap("TagKey") public String tagKey;
        @NameInMap("TagValue") public String tagValue;
    }

    /** DescribeVodCertificateListResponseBody (3.x). */
    public static class CertificateListBody extends TeaModel {
        @NameInMap("RequestId") public String requestId;
        @NameInMap("CertificateListModel") public CertificateListModel certificateListModel;
    }

    public static class CertificateListModel extends TeaModel {
        @NameInMap("Count") public Integer count;
        @NameInMap("PageNumber") public Long pageNumber;
        @NameInMap("PageSize") public Long pageSize;
        @NameInMap("CertList") public CertList certList;
    }

    public static class CertList extends TeaModel {
        @NameInMap("Cert") public List<Cert> cert;
    }

    /** The union of DescribeVodCertificateList's and DescribeVodSSLCertificateList's Cert. */
    public static class Cert extends TeaModel {
        @NameInMap("Algorithm") public String algorithm;
        @NameInMap("CertId") public Long certId;
        @NameInMap("CertIdentifier") public String certIdentifier;
        @NameInMap("CertName") public String certName;
        @NameInMap("CertRegion") public String certRegion;
        @NameInMap("Common") public String common;
        @NameInMap("CreateTime") public Long createTime;
        @NameInMap("DomainMatchCert") public Boolean domainMatchCert;
        @NameInMap("EndTime") public Long endTime;
        @NameInMap("Fingerprint") public String fingerprint;
        @NameInMap("InstanceId") public String instanceId;
        @NameInMap("Issuer") public String issuer;
        @NameInMap("LastTime") public Long lastTime;
        @NameInMap("SignAlgorithm") public String signAlgorithm;
    }

    /** UploadUserCertificateResponseBody (cas20200407 3.x). */
    public static class UploadBody extends TeaModel {
        @NameInMap("CertId") public Long certId;
        @NameInMap("RequestId") public String requestId;
        @NameInMap("ResourceId") public String resourceId;
    }

    /** The fields of GetUserCertificateDetailResponseBody (cas20200407 3.x) that 2.0.1 lacks. */
    public static class DetailBody extends TeaModel {
        @NameInMap("CertChain") public List<ChainEntry> certChain;
        @NameInMap("CertSha2") public String certSha2;
        @NameInMap("InstanceId") public String instanceId;
        @NameInMap("NotAfter") public Long notAfter;
        @NameInMap("NotBefore") public Long notBefore;
        @NameInMap("Sha2") public String sha2;
    }

    public static class ChainEntry extends TeaModel {
        @NameInMap("CommonName") public String commonName;
        @NameInMap("IssuerCommonName") public String issuerCommonName;
        @NameInMap("NotAfter") public Long notAfter;
        @NameInMap("NotBefore") public Long notBefore;
        @NameInMap("RemainDay") public Integer remainDay;
    }
}
