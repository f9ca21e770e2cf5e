// The contract `specfirst init NAME` starts from: valid, small, and showing the common shapes
// (a list with a query parameter, a create with a JSON body, a get by id with a 404 problem).
// Every operation that takes input declares the 400 problem the server answers when it is invalid.
// `--template` picks the nouns (todo: named for the contract; petstore: /pets, listPets, getPet as in
// the example contract) or a contract with no paths at all (empty).
import { words } from '../../model/names.js';

export const TEMPLATES = ['todo', 'petstore', 'empty'] as const;
export type Template = (typeof TEMPLATES)[number];

export function starterContract(name: string, template: Template = 'todo'): string {
  if (template === 'empty') return emptyContract(name);
  const ws = words(name);
  const title = ws.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ') || 'API';
  const nouns = template === 'petstore' ? ['pet'] : ws;
  const item = nouns.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('') || 'Item';
  const collection = `/${nouns.join('-')}${nouns.at(-1)?.endsWith('s') ? '' : 's'}`;
  const camel = item.charAt(0).toLowerCase() + item.slice(1);
  return `openapi: 3.1.0
info:
  title: ${title}
  version: 0.1.0
  description: Started with \`specfirst init ${name}${template === 'todo' ? '' : ` --template ${template}`}\`. Edit this contract; \`specfirst dev\` reloads on save.
paths:
  ${collection}:
    get:
      operationId: list${item}s
      summary: List ${title} items
      parameters:
        - name: limit
          in: query
          description: How many items to return at most.
          schema:
            type: integer
            minimum: 1
            maximum: 100
            default: 20
      responses:
        '200':
          description: The items.
          content:
            application/json:
              schema:
                type: array
                items:
                  $ref: '#/components/schemas/${item}'
        '400':
          $ref: '#/components/responses/Problem'
    post:
      operationId: create${item}
      summary: Create a ${title} item
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/New${item}'
      responses:
        '201':
          description: The created item.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/${item}'
        '400':
          $ref: '#/components/responses/Problem'
  ${collection}/{${camel}Id}:
    get:
      operationId: get${item}
      summary: Get a ${title} item
      parameters:
        - name: ${camel}Id
          in: path
          required: true
          schema:
            type: integer
            minimum: 1
      responses:
        '200':
          description: The item.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/${item}'
        '400':
          $ref: '#/components/responses/Problem'
        '404':
          $ref: '#/components/responses/Problem'
components:
  responses:
    Problem:
      description: An RFC 9457 problem.
      content:
        application/problem+json:
          schema:
            $ref: '#/components/schemas/Problem'
  schemas:
    New${item}:
      type: object
      additionalProperties: false
      required: [title]
      properties:
        title:
          type: string
          minLength: 1
          maxLength: 200
        done:
          type: boolean
          default: false
    ${item}:
      type: object
      additionalProperties: false
      required: [id, title, done]
      properties:
        id:
          type: integer
        title:
          type: string
        done:
          type: boolean
    Problem:
      description: What the server answers when something goes wrong (RFC 9457).
      type: object
      required: [type, title, status]
      properties:
        type:
          type: string
        title:
          type: string
        status:
          type: integer
        detail:
          type: string
        instance:
          type: string
        requestId:
          type: string
        errors:
          description: Each field of the request that does not match the contract.
          type: array
          items:
            type: object
            required: [in, name, message]
            properties:
              in:
                type: string
                enum: [path, query, header, cookie, body]
              name:
                type: string
              pointer:
                type: string
              message:
                type: string
              code:
                type: string
`;
}

/** A valid contract with nothing in it yet: the place to start from a blank page. */
function emptyContract(name: string): string {
  const title = words(name).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ') || 'API';
  return `openapi: 3.1.0
info:
  title: ${title}
  version: 0.1.0
  description: Started with \`specfirst init ${name} --template empty\`. Add paths here; \`specfirst dev\` reloads on save.
paths: {}
`;
}
