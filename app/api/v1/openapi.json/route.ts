// GET /api/v1/openapi.json — the OpenAPI 3.1 document of this API (public; generated from the routes).
import { publicRoute } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/api/openapi/document";

export const GET = publicRoute({}, async () => (await openApiDocument()).document);
