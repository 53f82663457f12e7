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
}
