// The strength score (0 weak … 4 strong) that MASTER_PASSWORD's "minimum complexity" refers to:
// zxcvbn, as the reference product uses, with its common and English dictionaries. The estimator
// is built on first use (loading the dictionaries takes about a second), never at import.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";

let estimator: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
  });
  return estimator;
}

/** zxcvbn's score; the account's email and name count as guessable words. */
export function passwordScore(password: string, context: { email?: string; name?: string } = {}): number {
  const userInputs = [context.email, context.email?.split("@")[0], ...(context.name?.split(/\s+/) ?? [])].filter((v): v is string => Boolean(v));
  return zxcvbn().check(password, userInputs).score;
}
