import { Module } from '@nestjs/common';
import { StatusController } from './status.controller.js';
import { StatusViewService } from './status-view.service.js';

/** `GET /status`: a live page of every secret's state and rotations. */
@Module({
  controllers: [StatusController],
  providers: [StatusViewService],
})
export class StatusModule {}
