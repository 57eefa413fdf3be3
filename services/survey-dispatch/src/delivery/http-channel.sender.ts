import { SurveyFailureReason } from '@nps/contracts';
import { OutboundError, type OutboundClient } from '@nps/outbound';
import { DeliveryError } from './delivery.error';

/**
 * POSTs JSON to a provider endpoint through the outbound rules (docs/security.md, Outbound calls): 2xx is
 * delivered; 5xx/429/408, unreachable and timeouts are transient; a refused address, a redirect and other 4xx are
 * permanent. The detail names the status or error class only: the provider's body is never kept or shown. `signed`
 * adds headers computed from the exact body sent (a signature).
 */
export async function postJson(
  client: OutboundClient,
  url: string,
  body: unknown,
  timeoutMs: number,
  signed?: (json: string) => Record<string, string>,
): Promise<void> {
  let status: number;
  const json = JSON.stringify(body);
  try {
    ({ status } = await client.post(url, {
      headers: { 'content-type': 'application/json', ...signed?.(json) },
      body: json,
      timeoutMs,
    }));
  } catch (error) {
    throw deliveryErrorOf(error);
  }
  if (status >= 200 && status < 300) return;
  const detail = `HTTP ${status}`;
  if (status >= 500 || status === 429 || status === 408) throw DeliveryError.transient(detail);
  if (status === 400 || status === 422) throw DeliveryError.permanent(SurveyFailureReason.INVALID_ADDRESS, detail);
  throw DeliveryError.permanent(SurveyFailureReason.REJECTED_BY_PROVIDER, detail);
}

function deliveryErrorOf(error: unknown): DeliveryError {
  if (!(error instanceof OutboundError)) throw error;
  switch (error.failure) {
    case 'refused':
      return DeliveryError.permanent(SurveyFailureReason.INVALID_ADDRESS, error.message);
    case 'redirect':
      return DeliveryError.permanent(SurveyFailureReason.REJECTED_BY_PROVIDER, error.message);
    default:
      return DeliveryError.transient(`endpoint ${error.message}`);
  }
}
