import { BadRequestException, ForbiddenException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain.error';
import { problemOf } from './problem.mapper';

const context = { service: 'case-management', retryAfterSeconds: 5, traceId: '4bf92f3577b34da6a3ce929d0e0e4736' };
const withCode = (code: string, message: string) => Object.assign(new Error(message), { code });
const bodyTooLarge = () =>
  Object.assign(new Error('request entity too large'), { status: 413, expose: true, type: 'entity.too.large' });

describe('problemOf', () => {
  it('renders a domain error with its code, status, fields, extensions and the trace id', () => {
    const error = new DomainError('ILLEGAL_TRANSITION', 409, 'a case that is closed cannot resolve', {
      fields: [{ field: 'action', reason: 'not allowed now' }],
      extensions: { allowed: ['notes', 'reopen'], status: 200, code: 'X' },
    });
    expect(problemOf(error, context)).toEqual({
      headers: {},
      problem: {
        type: 'urn:nps:problem:case-management:illegal-transition',
        title: 'Illegal transition',
        status: 409,
        detail: 'a case that is closed cannot resolve',
        code: 'ILLEGAL_TRANSITION',
        fields: [{ field: 'action', reason: 'not allowed now' }],
        allowed: ['notes', 'reopen'],
        traceId: context.traceId,
      },
    });
  });

  it('gives platform codes a type shared by every service', () => {
    const { problem } = problemOf(new DomainError('VALIDATION_FAILED', 400, 'score: must be an integer'), context);
    expect(problem).toMatchObject({ type: 'urn:nps:problem:validation-failed', title: 'Validation failed' });
    expect(problem).not.toHaveProperty('fields');
  });

  it.each([
    ['unknown route', new NotFoundException('Cannot GET /nope'), 404, 'NOT_FOUND', 'Cannot GET /nope'],
    ['no token', new UnauthorizedException('no token'), 401, 'UNAUTHORIZED', 'no token'],
    ['wrong role', new ForbiddenException('requires role admin'), 403, 'FORBIDDEN', 'requires role admin'],
    ['malformed JSON', new BadRequestException('Unexpected end of JSON'), 400, 'BAD_REQUEST', 'Unexpected end of JSON'],
    ['Nest validation', new BadRequestException(['a is bad', 'b is bad']), 400, 'BAD_REQUEST', 'a is bad; b is bad'],
    ['body too large', bodyTooLarge(), 413, 'PAYLOAD_TOO_LARGE', 'request entity too large'],
  ])('maps %s', (_name, error, status, code, detail) => {
    expect(problemOf(error, context)).toEqual({
      headers: {},
      problem: {
        type: `urn:nps:problem:${code.toLowerCase().replace(/_/g, '-')}`,
        title: expect.any(String),
        ...{ status, detail, code, traceId: context.traceId },
      },
    });
  });

  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a shutdown, wrapped by TypeORM', new QueryFailedError('SELECT 1', [], withCode('57P01', 'terminating'))],
  ])('answers %s with 503, Retry-After and no internals', (_name, error) => {
    const { problem, headers, log } = problemOf(error, context);
    expect({ status: problem.status, code: problem.code, headers, log }).toEqual({
      ...{ status: 503, code: 'SERVICE_UNAVAILABLE' },
      ...{ headers: { 'Retry-After': '5' }, log: 'warn' },
    });
    expect(problem.detail).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|terminating/);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a wrong statement', new QueryFailedError('SELEC 1', [], withCode('42601', 'syntax error at or near "SELEC"'))],
    ['a server error', Object.assign(new Error('template /srv/views/x.hbs:3 failed'), { status: 500 })],
    ['a thrown string', 'boom'],
  ])('answers %s with a generic 500 that is logged', (_name, error) => {
    const { problem, log } = problemOf(error, context);
    const expected = { status: 500, code: 'INTERNAL_ERROR', log: 'error' };
    expect({ status: problem.status, code: problem.code, log }).toEqual(expected);
    expect(problem.detail).not.toMatch(/undefined|SELEC|srv|boom/);
  });

  it('leaves traceId out when no trace is active', () => {
    const { problem } = problemOf(new NotFoundException(), { ...context, traceId: undefined });
    expect(problem).not.toHaveProperty('traceId');
  });
});
