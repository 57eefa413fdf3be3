// The generated protobuf-es types and schemas (npm run contracts:generate), one import path.
export * from './generated/nps/v1/case_pb';
export * from './generated/nps/v1/channel_pb';
export * from './generated/nps/v1/customer_pb';
export * from './generated/nps/v1/privacy_pb';
export * from './generated/nps/v1/response_pb';
export * from './generated/nps/v1/scoring_pb';
export * from './generated/nps/v1/survey_pb';
export * from './generated/nps/v1/tagging_pb';
export * from './generated/nps/v1/touchpoint_pb';
