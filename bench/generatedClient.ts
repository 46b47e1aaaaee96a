import { useQuery, type UseQueryOptions } from "@tanstack/react-query";
import type { Contact } from "../src/core/types.js";

/**
 * The baseline: what a team gets from an OpenAPI code generator (orval's
 * react-query output, reduced to this one operation). The query key is the
 * URL and the raw parameters, so every way of writing a number is its own
 * cache entry and its own request.
 */
export type GetContactParams = { tenantId: string; phone_number?: string; whatsapp_id?: string };
export type GetContact200 = { success: boolean; contact: Contact };

// Generated clients take the server from configuration (orval: the mutator's baseURL), not from the key.
const BASE_URL = new URLSearchParams(location.search).get("api") ?? `${location.origin}/api`;

export const getContact = async (params: GetContactParams, signal?: AbortSignal): Promise<GetContact200> => {
  const query = new URLSearchParams(params as Record<string, string>);
  const response = await fetch(`${BASE_URL}/contact?${query.toString()}`, { method: "GET", signal });
  if (!response.ok) throw new Error(`GET /contact ${response.status}`);
  return (await response.json()) as GetContact200;
};

export const getGetContactQueryKey = (params?: GetContactParams) => ["/contact", ...(params ? [params] : [])] as const;

export function useGetContact(
  params: GetContactParams,
  options?: { query?: Partial<UseQueryOptions<GetContact200, Error>> },
) {
  const queryKey = options?.query?.queryKey ?? getGetContactQueryKey(params);
  return useQuery({ queryKey, queryFn: ({ signal }) => getContact(params, signal), ...options?.query });
}
