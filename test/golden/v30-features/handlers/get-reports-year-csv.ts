// Handler for GET /reports/{year}.csv (getReportsYearCsv) in v30-features.yaml.
// This file is yours: specfirst wrote it once and will never overwrite it.
import type {
  GetReportsYearCsvContext,
  GetReportsYearCsvRequest,
  GetReportsYearCsvResponse,
} from "../generated/operations.js";
import { notImplemented } from "../generated/operations.js";

/**
 * GET /reports/{year}.csv
 */
export async function getReportsYearCsv(
  _request: GetReportsYearCsvRequest,
  _context: GetReportsYearCsvContext,
): Promise<GetReportsYearCsvResponse> {
  // TODO: GET /reports/{year}.csv. Return { status, body } as the contract says; until then the server answers 501.
  return notImplemented("getReportsYearCsv");
}
