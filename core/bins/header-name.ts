// RFC 9110 token characters: what a header name may be made of.
export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
