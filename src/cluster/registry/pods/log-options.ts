// PodLogOptions checks the apiserver makes before the kubelet is asked: a `sinceTime` that is no RFC 3339 time is the
// parameter decoder's 400; a negative `tailLines` is ValidatePodLogOptions' 422 on PodLogOptions.
import { badRequest, fieldError, invalid } from "../../../api/status";

const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function validateLogOptions(query: URLSearchParams, podName: string): void {
  const sinceTime = query.get("sinceTime");
  if (sinceTime !== null && sinceTime !== "" && (!rfc3339.test(sinceTime) || Number.isNaN(Date.parse(sinceTime)))) {
    throw badRequest(`parsing time ${JSON.stringify(sinceTime)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(sinceTime)} as "2006"`);
  }
  const tail = query.get("tailLines");
  if (tail !== null && tail !== "" && /^-\d+$/.test(tail)) {
    throw invalid("PodLogOptions", "", podName, [fieldError.invalid("tailLines", Number(tail), "must be greater than or equal to 0")]);
  }
}
