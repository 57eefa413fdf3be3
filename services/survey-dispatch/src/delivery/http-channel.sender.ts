import { SurveyFailureReason } from '@nps/contracts';
import { DeliveryError } from './delivery.error';
import { redact } from './email.sender';

/** POSTs JSON to a provider endpoint; 2xx is delivered, 5xx/429/network errors are transient, other 4xx permanent. */
export async function postJson(url: string, body: unknown, timeoutMs: number): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw DeliveryError.transient(`endpoint unreachable: ${cause}`);
  }
  if (response.ok) return;
  const text = redact((await response.text().catch(() => '')).replace(/\+?\d[\d\s-]{6,}/g, '<number>'));
  const detail = `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
  if (response.status >= 500 || response.status === 429 || response.status === 408)
    throw DeliveryError.transient(detail);
  if (response.status === 400 || response.status === 422)
    throw DeliveryError.permanent(SurveyFailureReason.INVALID_ADDRESS, detail);
  throw DeliveryError.permanent(SurveyFailureReason.REJECTED_BY_PROVIDER, detail);
}
