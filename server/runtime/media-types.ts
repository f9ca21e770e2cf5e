// Media type tests shared by the runtime.

export function isJson(mediaType: string): boolean {
  return /^application\/(.+\+)?json$/i.test(mediaType.split(';')[0]!.trim());
}
