// Browser entry of the ajv + json-logic engine (bundled with ajv, json-logic-js, the request
// schema and the pack).
import Ajv2020 from 'ajv/dist/2020';
import jsonLogic from 'json-logic-js';
import schema from '../../../assets/schema/request.schema.json';
import pack from '../../../assets/packs/telegram-2024-09.json';
import { createJsonLogicEngine } from '../engines/jsonlogic.mjs';

/** The engine, ready to check. */
export async function create() {
  return createJsonLogicEngine(Ajv2020, jsonLogic, schema, pack);
}
