import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { ImportsController } from './imports.controller';
import { ResponseImporter } from './response-importer.service';

@Module({ imports: [AnswersModule], controllers: [ImportsController], providers: [ResponseImporter] })
export class ImportsModule {}
