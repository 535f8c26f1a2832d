class DailyReportJob < ApplicationJob
  def perform
    ReportMailer.daily(Person.count).deliver_now
  end
end
